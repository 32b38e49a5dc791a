using System.Net.Http.Json;
using System.Text.Json;
using LexIntel.ApiService.Admin;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Progress;

namespace LexIntel.Tests.EndToEnd;

/// <summary>The OpenAPI document tells generated clients how to sign in, operation by operation.</summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class OpenApiSecurityTests(LexIntelAppFixture fixture)
{
    private static readonly HashSet<string> Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_requires_a_token_tenant_routes_also_take_a_key_progress_streams_a_ticket_and_anonymous_routes_nothing()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("http", schemes.GetProperty("Bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("ProgressTicket").GetProperty("type").GetString());
        Assert.Equal("query", schemes.GetProperty("ProgressTicket").GetProperty("in").GetString());
        Assert.Equal(ProgressTicketAuthenticationHandler.QueryParameter, schemes.GetProperty("ProgressTicket").GetProperty("name").GetString());
        Assert.Equal(("apiKey", "header", "Authorization"), (schemes.GetProperty("ApiKey").GetProperty("type").GetString(), schemes.GetProperty("ApiKey").GetProperty("in").GetString(), schemes.GetProperty("ApiKey").GetProperty("name").GetString()));

        var wrong = new List<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                operations++;
                var id = operation.Value.GetProperty("operationId").GetString();
                string[] expected = id switch
                {
                    nameof(DevelopmentCredentialsApi.IssueDevelopmentCredentials) => [],
                    nameof(ProgressApi.DocumentProgress) or nameof(ProgressApi.CaseProgress) => ["Bearer", "ApiKey", "ProgressTicket"],
                    nameof(AdminApi.ListQueues) or nameof(AdminApi.ListDeadLetters) or nameof(AdminApi.RequeueDeadLetter)
                        or nameof(AdminApi.ListRunningJobs) or nameof(AdminApi.CancelRunningJob)
                        or nameof(AdminApi.ProvisionTenant) or nameof(AdminApi.ListTenants) => ["Bearer"],
                    _ => ["Bearer", "ApiKey"],
                };
                var required = operation.Value.TryGetProperty("security", out var security)
                    ? security.EnumerateArray().Select(r => string.Join('+', r.EnumerateObject().Select(s => s.Name))).ToArray()
                    : [];
                if (!expected.SequenceEqual(required))
                {
                    wrong.Add($"{operation.Name.ToUpperInvariant()} {path.Name} ({id}): [{string.Join(", ", required)}], expected [{string.Join(", ", expected)}]");
                }
            }
        }

        Assert.True(operations >= 25, $"the document lists only {operations} operations");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }
}
