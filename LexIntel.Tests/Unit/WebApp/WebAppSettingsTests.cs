using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.WebApp;

namespace LexIntel.Tests.Unit.WebApp;

[Tier(TestTier.Unit)]
public sealed class WebAppSettingsTests
{
    [Fact]
    public void Without_an_OIDC_provider_the_page_signs_in_with_the_development_credentials_and_names_no_provider()
    {
        var settings = WebAppSettings.For(new IdentityOptions { DevelopmentSigningKey = new string('k', 40) }, new WebAppOptions { ClientId = "ignored" }, new UploadOptions());

        Assert.Equal("development", settings.SignIn);
        Assert.Null(settings.Authority);
        Assert.Null(settings.ClientId);
        Assert.Null(settings.Detail);
    }

    [Fact]
    public void With_a_provider_and_the_front_ends_client_id_the_page_signs_in_there_with_the_APIs_claim_names()
    {
        var identity = new IdentityOptions { Authority = "https://login.example.com/realms/firm", UserClaim = "email", TenantClaim = "lexintel_tenant", RoleClaim = "roles" };

        var settings = WebAppSettings.For(identity, new WebAppOptions { ClientId = "lexintel-web", Scope = "openid profile api://lexintel/.default" }, new UploadOptions { MaxFilesPerRequest = 20, MaxRequestBytes = 1_000_000 });

        Assert.Equal(
            new WebAppSettings("oidc", "https://login.example.com/realms/firm", "lexintel-web", "openid profile api://lexintel/.default", null, "email", "lexintel_tenant", "roles", 20, 1_000_000),
            settings);
    }

    [Fact]
    public void With_a_provider_but_no_client_id_the_page_says_which_key_to_set_instead_of_failing_to_sign_in()
    {
        var settings = WebAppSettings.For(new IdentityOptions { Authority = "https://login.example.com/" }, new WebAppOptions(), new UploadOptions());

        Assert.Equal("unconfigured", settings.SignIn);
        Assert.Null(settings.ClientId);
        Assert.Contains("LexIntel:WebApp:ClientId", settings.Detail, StringComparison.Ordinal);
    }
}
