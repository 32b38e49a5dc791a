using System.Security.Claims;
using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Identity;
using LexIntel.Shared.Data;
using LexIntel.Shared.Queue;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Admin;

/// <summary>What an operator's cancel of a running job uses, bound by <see cref="AsParametersAttribute"/>.</summary>
public sealed record OperatorCancellation(
    QueueAdmin Admin,
    LexIntelDbContext Db,
    DocumentCancellation Cancellation,
    AuditLog Audit,
    ClaimsPrincipal User,
    IOptions<IdentityOptions> Identity)
{
    /// <summary>Who the audit entry names: the operator's user claim (an operator has no tenant of the job's).</summary>
    public string OperatorId => User.FindFirst(Identity.Value.UserClaim)?.Value ?? "operator";
}
