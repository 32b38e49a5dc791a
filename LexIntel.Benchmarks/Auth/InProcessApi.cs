using System.Security.Claims;
using LexIntel.ApiService.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ApiIdentity = LexIntel.ApiService.Identity.IdentityServiceCollectionExtensions;

namespace LexIntel.Benchmarks.Auth;

/// <summary>
/// The real API (its Program: every service, policy, filter and handler) hosted in the benchmark's
/// process on Kestrel at a free loopback port, with one addition that exists only here: a request
/// without an Authorization header is signed in by <see cref="BypassAuthenticationHandler"/> instead
/// of being refused. Bearer tokens and API keys still take the API's own schemes, behind the same
/// policy scheme, so the ways in differ only in what authenticating costs.
/// </summary>
/// <remarks>The type argument only names the API's assembly: its Program shares its name with this project's.</remarks>
internal sealed class InProcessApi : WebApplicationFactory<IdentityOptions>
{
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly IReadOnlyList<Claim> bypassClaims;

    public InProcessApi(IReadOnlyDictionary<string, string> settings, IReadOnlyList<Claim> bypassClaims)
    {
        this.settings = settings;
        this.bypassClaims = bypassClaims;

        // A real server rather than the in-memory test server: requests cost what they cost a client.
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach the API's builder before it registers its services, which read some of
        // them there (connection strings, the claim names of the policies).
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication()
                .AddScheme<BypassAuthenticationOptions, BypassAuthenticationHandler>(BypassAuthenticationHandler.SchemeName, o => o.Claims = bypassClaims);
            services.PostConfigure<PolicySchemeOptions>(ApiIdentity.SignInScheme, o =>
            {
                var apiSchemeOf = o.ForwardDefaultSelector ?? throw new InvalidOperationException($"The API's '{ApiIdentity.SignInScheme}' scheme no longer selects a scheme per request.");
                o.ForwardDefaultSelector = http => http.Request.Headers.Authorization.Count == 0 ? BypassAuthenticationHandler.SchemeName : apiSchemeOf(http);
            });
        });
    }
}
