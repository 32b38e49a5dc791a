namespace LexIntel.Shared.Progress;

public static class ProgressKeys
{
    public static string Document(Guid documentId) => $"lexintel:progress:doc:{documentId}";

    public static string Case(Guid caseId) => $"lexintel:progress:case:{caseId}";
}
