using LexIntel.ApiService.ErrorHandling;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace LexIntel.ApiService.Identity;

/// <summary>A refused bearer token answers problem details that say what was wrong with it, not an empty 401.</summary>
internal static class ProblemChallenge
{
    public static async Task WriteAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        http.Response.Headers.WWWAuthenticate = "Bearer";
        var detail = context.AuthenticateFailure switch
        {
            null => "Sign in: send 'Authorization: Bearer <token>' with a token of the configured identity provider.",
            SecurityTokenExpiredException => "The token has expired; sign in again.",
            SecurityTokenInvalidAudienceException => "The token was issued for another audience.",
            SecurityTokenInvalidIssuerException => "The token was issued by an issuer this API does not trust.",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature does not verify.",
            _ => "The token is not valid.",
        };
        await http.WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }
}
