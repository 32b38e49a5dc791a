namespace LexIntel.ApiService.Audit;

/// <summary>The actions the audit log names.</summary>
public static class AuditActions
{
    public const string CaseCreate = "case.create";
    public const string CaseRename = "case.rename";
    public const string CaseDelete = "case.delete";
    public const string CaseRestriction = "case.restriction";
    public const string MemberSet = "member.set";
    public const string MemberRemove = "member.remove";
    public const string DocumentUpload = "document.upload";
    public const string DocumentDownload = "document.download";
    public const string DocumentDelete = "document.delete";
    public const string DocumentReprocess = "document.reprocess";
    public const string DocumentCancel = "document.cancel";
    public const string Ask = "ask";
    public const string KeyCreate = "key.create";
    public const string KeyRevoke = "key.revoke";
    public const string AccessDenied = "access.denied";
}
