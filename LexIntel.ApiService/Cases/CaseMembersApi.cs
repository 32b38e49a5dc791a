using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Cases;

/// <summary>A case's team and its walls, kept by the case's owners.</summary>
public static class CaseMembersApi
{
    public static IEndpointRouteBuilder MapCaseMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .WithTags("Cases")
            .RequireTenant()
            .MapCaseGroup();

        api.MapGet("/members", ListCaseMembers)
            .RequiresCaseAccess(CaseAccess.Owner)
            .WithName(nameof(ListCaseMembers))
            .WithSummary("A case's members and screened users")
            .WithDescription("Every user the case names: its owners, editors and viewers, and who is screened from it (an ethical wall).");

        api.MapPut("/members/{userId}", SetCaseMember)
            .RequiresCaseAccess(CaseAccess.Owner)
            .WithName(nameof(SetCaseMember))
            .WithSummary("Add a member, change their role, or screen a user")
            .WithDescription("`access`: owner, editor or viewer; or screened, which hides the whole case from the user whatever their other roles, tenant admins included.");

        api.MapDelete("/members/{userId}", RemoveCaseMember)
            .RequiresCaseAccess(CaseAccess.Owner)
            .WithName(nameof(RemoveCaseMember))
            .WithSummary("Remove a member or lift a screen");

        api.MapPut("/restriction", SetCaseRestriction)
            .RequiresCaseAccess(CaseAccess.Owner)
            .WithName(nameof(SetCaseRestriction))
            .WithSummary("Restrict a case to its members, or open it to the tenant")
            .WithDescription("A restricted case is seen by its members only; the rest of the tenant gets 404 for it, in lists and searches too. It needs an owner among its members first.");

        return app;
    }

    public static async Task<Ok<List<CaseMemberResponse>>> ListCaseMembers(Guid caseId, LexIntelDbContext db, CancellationToken cancellationToken)
    {
        var members = await db.CaseMembers.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.UserId).ToListAsync(cancellationToken);
        return TypedResults.Ok(members.Select(Response).ToList());
    }

    public static async Task<Results<Ok<CaseMemberResponse>, ProblemHttpResult, ValidationProblem>> SetCaseMember(
        Guid caseId,
        string userId,
        SetCaseMemberRequest request,
        LexIntelDbContext db,
        TenantContext tenant,
        AuditLog audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<CaseAccess>(request.Access, ignoreCase: true, out var access) || int.TryParse(request.Access, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["access"] = ["access must be owner, editor, viewer or screened."] });
        }

        if (userId.Length > TenantClaimFilter.MaxUserIdLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = [$"A user id has at most {TenantClaimFilter.MaxUserIdLength} characters."] });
        }

        if (userId == tenant.UserId && access != CaseAccess.Owner)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Owners keep their own access", detail: "An owner cannot lower their own access; another owner can.");
        }

        var member = await db.CaseMembers.SingleOrDefaultAsync(m => m.CaseId == caseId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            member = new CaseMember { CaseId = caseId, UserId = userId };
            db.CaseMembers.Add(member);
        }

        member.Access = access;
        member.UpdatedAt = time.GetUtcNow();
        audit.Add(AuditActions.MemberSet, caseId, detail: $"{userId}: {access.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Response(member));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveCaseMember(Guid caseId, string userId, LexIntelDbContext db, TenantContext tenant, AuditLog audit, CancellationToken cancellationToken)
    {
        if (userId == tenant.UserId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Owners keep their own access", detail: "An owner cannot remove themselves; another owner can.");
        }

        var member = await db.CaseMembers.SingleOrDefaultAsync(m => m.CaseId == caseId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not a member", detail: $"The case names no user '{userId}'.");
        }

        db.CaseMembers.Remove(member);
        audit.Add(AuditActions.MemberRemove, caseId, detail: $"{userId} (was {member.Access.ToString().ToLowerInvariant()})");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetCaseRestriction(
        Guid caseId,
        SetRestrictionRequest request,
        LexIntelDbContext db,
        AuditLog audit,
        CancellationToken cancellationToken)
    {
        if (request.Restricted && !await db.CaseMembers.AnyAsync(m => m.CaseId == caseId && m.Access == CaseAccess.Owner, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No owner", detail: "A restricted case would be seen by nobody: make someone its owner first.");
        }

        var entity = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        entity.Restricted = request.Restricted;
        audit.Add(AuditActions.CaseRestriction, caseId, detail: request.Restricted ? "restricted" : "open");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static CaseMemberResponse Response(CaseMember member) => new(member.UserId, member.Access.ToString().ToLowerInvariant(), member.UpdatedAt);
}
