using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.WebApp;
using LexIntel.Tests.Harness;
using Microsoft.Playwright;

namespace LexIntel.Tests.Browser;

/// <summary>
/// The front end signing in at an OIDC provider (<see cref="LocalOidcProvider"/>, standing in for
/// Entra ID or Keycloak): authorization code with PKCE from the page, the provider's access token
/// accepted by the API, and signing out there too — or, with a provider that has no end-session
/// endpoint, in the page alone.
/// </summary>
[Tier(TestTier.Browser)]
public sealed partial class OidcSignInTests : IAsyncLifetime
{
    private const string ClientId = "lexintel-web";

    private static readonly LocalOidcUser Lawyer = new("lawyer@firm.example", Guid.NewGuid(), [Roles.TenantAdmin]);

    private readonly ThrowawayDataDirectory data = new();
    private LocalOidcProvider provider = null!;
    private DistributedApplication app = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [GeneratedRegex("#/cases/[0-9a-f-]{36}$")]
    private static partial Regex CaseAddress();

    public async ValueTask InitializeAsync()
    {
        provider = await LocalOidcProvider.StartAsync(ClientId, Lawyer, Cancel);
        app = await LexIntelAppFactory.StartAsync(
            data.Path,
            Cancel,
            $"{IdentityOptions.SectionName}:Authority={provider.Issuer}",
            $"{WebAppOptions.SectionName}:ClientId={ClientId}");
    }

    [Fact]
    public async Task A_lawyer_signs_in_at_the_provider_creates_a_case_and_signs_out()
    {
        using var anonymous = ApiClients.Create(app, token: null);
        var origin = anonymous.BaseAddress!.GetLeftPart(UriPartial.Authority);
        provider.RegisterRedirectUri(new Uri($"{origin}/"));

        // The API signs in with the provider only.
        var settings = await anonymous.GetFromJsonAsync<WebAppSettings>("/web/settings", Cancel);
        Assert.Equal(("oidc", provider.Issuer, ClientId), (settings!.SignIn, settings.Authority, settings.ClientId));

        // No development credentials: the route is not there, so a signed-in caller gets what a
        // path that never existed gets (in Development, 405: MapStaticAssets there answers every
        // path for GET and HEAD, dotnet/aspnetcore#59964).
        using (var lawyer = ApiClients.Create(app, provider.IssueAccessToken(Lawyer)))
        using (var development = await lawyer.PostAsync("/dev/credentials", content: null, Cancel))
        using (var nothing = await lawyer.PostAsync("/no/such/route", content: null, Cancel))
        using (var read = await lawyer.GetAsync("/dev/credentials", Cancel))
        {
            Assert.NotEqual(HttpStatusCode.OK, development.StatusCode);
            Assert.Equal((nothing.StatusCode, HttpStatusCode.NotFound), (development.StatusCode, read.StatusCode));
        }

        // The operator, signed in at the same provider, provisions the tenant its tokens name.
        using (var operatorClient = ApiClients.Create(app, provider.IssueAccessToken(new("operator", Tenant: null, [Roles.Operator]))))
        {
            await ApiClients.ProvisionTenantAsync(operatorClient, Lawyer.Tenant!.Value, Cancel);
        }

        await using var chromium = await Chromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.PageError += (_, message) => errors.Enqueue(message);

        await page.GotoAsync($"{origin}/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to LexIntel" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "oidc-01-sign-in");
        await SignInAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal($"{origin}/#/", page.Url);
        Assert.Equal(1, provider.SignIns);
        await Screens.CheckAsync(page, "oidc-02-signed-in");

        // The provider's token works for the API: a case made in the page is listed there.
        var caseName = $"Quillfeather {Guid.NewGuid():N}"[..24];
        await page.GetByRole(AriaRole.Textbox, new() { Name = "New case" }).FillAsync(caseName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = caseName, Level = 1 })).ToBeVisibleAsync();
        Assert.Matches(CaseAddress(), page.Url);
        var caseAddress = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "LexIntel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = caseName })).ToBeVisibleAsync();

        // Signing out ends the provider's session too and comes back to the sign-in screen.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await ExpectSignedOutAsync(page);
        Assert.Equal(1, provider.SignOuts);

        // Now a provider without an end-session endpoint (the page reads its discovery document
        // when it loads). A bookmarked case asks for a sign-in and is where the provider's answer
        // leads back to.
        provider.OffersEndSession = false;
        await page.GotoAsync(caseAddress);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to LexIntel" })).ToBeVisibleAsync();
        await SignInAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = caseName, Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(caseAddress, page.Url);

        // Signing out: the page alone forgets the user.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await ExpectSignedOutAsync(page);
        Assert.Equal((2, 1), (provider.SignIns, provider.SignOuts));
        Assert.Empty(errors);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>"Sign in" on the sign-in screen: to the provider and back, signed in as its user.</summary>
    private static async Task SignInAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("user")).ToHaveTextAsync(Lawyer.Subject);
        await Expect(page.GetByTestId("tenant")).ToHaveTextAsync(Lawyer.Tenant!.Value.ToString());
    }

    private static async Task ExpectSignedOutAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to LexIntel" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("user")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => sessionStorage.length"));
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        data.Dispose();
    }
}
