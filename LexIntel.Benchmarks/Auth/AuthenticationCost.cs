using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LexIntel.Benchmarks.Auth;

/// <summary>
/// Authentication alone, without HTTP, the database or the handler: what the rates of whole requests
/// differ by, measured directly so that it can be told apart from the shared machine's noise.
/// </summary>
internal static class AuthenticationCost
{
    /// <summary>
    /// Microseconds per authentication of a request as <paramref name="mode"/>, one after another,
    /// through the API's own authentication service and default scheme (a request scope each, as
    /// the server gives every request).
    /// </summary>
    public static async Task<double> MicrosecondsAsync(IServiceProvider services, AuthMode mode, int requests, CancellationToken cancellationToken)
    {
        var header = mode.Authorization?.ToString();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < requests; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
            if (header is not null)
            {
                http.Request.Headers.Authorization = header;
            }

            var result = await scope.ServiceProvider.GetRequiredService<IAuthenticationService>().AuthenticateAsync(http, scheme: null);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"{mode.Name}: authentication failed: {result.Failure?.Message ?? "no result"}.");
            }
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / requests;
    }
}
