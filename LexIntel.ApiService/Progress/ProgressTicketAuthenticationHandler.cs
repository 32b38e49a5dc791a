using LexIntel.ApiService.ErrorHandling;
using System.Security.Claims;
using System.Text.Encodings.Web;
using LexIntel.ApiService.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Progress;

/// <summary>
/// Signs in the holder of a progress ticket (<c>?ticket=</c>) as the user it names, with the one
/// stream it may open as a claim (<see cref="StreamClaim"/>); progress routes accept it beside
/// bearer tokens, no other route does.
/// </summary>
internal sealed class ProgressTicketAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ProgressTickets tickets,
    IOptions<IdentityOptions> identity) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ProgressTicket";

    public const string QueryParameter = "ticket";

    public const string StreamClaim = "lexintel_progress_stream";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var given = Request.Query[QueryParameter].ToString();
        if (given.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (tickets.Read(given) is not { } ticket)
        {
            return Task.FromResult(AuthenticateResult.Fail("The progress ticket is invalid or has expired; ask for a new one."));
        }

        var claims = new ClaimsIdentity(
            [
                new Claim(identity.Value.UserClaim, ticket.UserId),
                new Claim(identity.Value.TenantClaim, ticket.TenantId.ToString()),
                new Claim(StreamClaim, ticket.Stream),
            ],
            SchemeName,
            identity.Value.UserClaim,
            identity.Value.RoleClaim);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), SchemeName)));
    }

    /// <summary>
    /// Progress routes challenge the sign-in scheme first, whose handlers answer with problem
    /// details; setting the status again once that answer has started would break it.
    /// </summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Response.HasStarted
            ? Task.CompletedTask
            : Context.WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", "The progress ticket is invalid or has expired; ask for a new one (POST /api/progress/tickets).");
}
