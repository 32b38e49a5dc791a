using Microsoft.AspNetCore.Http.HttpResults;

namespace LexIntel.ApiService.Tenancy;

/// <summary>
/// Who is asking, for what is private to a user (conversations): the <c>X-User-Id</c> header until
/// authentication supplies a claim; without one, the tenant's shared "anonymous" user.
/// </summary>
public static class UserIdentity
{
    public const string HeaderName = "X-User-Id";

    public const string Anonymous = "anonymous";

    public const int MaxLength = 200;

    public static bool TryGet(HttpRequest request, out string userId)
    {
        var header = request.Headers[HeaderName].ToString().Trim();
        userId = header.Length == 0 ? Anonymous : header;
        return userId.Length <= MaxLength;
    }

    public static ProblemHttpResult InvalidUser() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid user", detail: $"The {HeaderName} header must be at most {MaxLength} characters.");
}
