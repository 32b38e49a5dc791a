using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Cases;

/// <summary>
/// Who sees which case, and what they may do in it. A user screened from a case sees nothing of
/// it; a restricted case is seen by its members only; any other case of the tenant by every user
/// of the tenant, its admins as owners and its members as editors unless the case names another
/// role for them. A caller limited to some cases (an API key) sees no other.
/// </summary>
public static class CaseAccessRule
{
    /// <summary>The caller's access to a case, or null when they may not know it exists.</summary>
    public static CaseAccess? Effective(bool restricted, CaseAccess? member, bool tenantAdmin) => member switch
    {
        CaseAccess.Screened => null,
        { } named => named,
        null when restricted => null,
        null => tenantAdmin ? CaseAccess.Owner : CaseAccess.Editor,
    };

    /// <summary>The cases the caller sees: <see cref="Effective"/> is not null, as SQL.</summary>
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, TenantContext caller)
    {
        var (tenantId, userId) = (caller.TenantId, caller.UserId);
        var visible = cases.Where(c => c.TenantId == tenantId
            && !c.Members.Any(m => m.UserId == userId && m.Access == CaseAccess.Screened)
            && (!c.Restricted || c.Members.Any(m => m.UserId == userId)));
        return caller.CaseScope is { } scope ? visible.Where(c => scope.Contains(c.Id)) : visible;
    }

    /// <summary>The case that holds <paramref name="documentId"/> in the caller's tenant; null when the tenant has no such document.</summary>
    public static Task<Guid?> CaseOfDocumentAsync(LexIntelDbContext db, TenantContext caller, Guid documentId, CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId;
        return db.Documents.Where(d => d.Id == documentId && d.TenantId == tenantId).Select(d => (Guid?)d.CaseId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The caller's access to <paramref name="caseId"/>, or null when it is not theirs to see.</summary>
    public static async Task<CaseAccess?> AccessAsync(LexIntelDbContext db, TenantContext caller, Guid caseId, CancellationToken cancellationToken)
    {
        if (caller.CaseScope is { } scope && !scope.Contains(caseId))
        {
            return null;
        }

        var (tenantId, userId) = (caller.TenantId, caller.UserId);
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId && c.TenantId == tenantId)
            .Select(c => new { c.Restricted, Member = c.Members.Where(m => m.UserId == userId).Select(m => (CaseAccess?)m.Access).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : Effective(found.Restricted, found.Member, caller.IsTenantAdmin);
    }
}
