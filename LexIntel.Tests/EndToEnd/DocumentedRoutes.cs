using System.Net.Http.Json;
using System.Text.Json;

namespace LexIntel.Tests.EndToEnd;

/// <summary>The operations the running API documents, so tests that walk every route cover a new one without listing it.</summary>
internal static class DocumentedRoutes
{
    public static async Task<List<DocumentedRoute>> ReadAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", cancellationToken);
        return
        [
            .. document.GetProperty("paths").EnumerateObject()
                .SelectMany(path => path.Value.EnumerateObject()
                    .Where(operation => operation.Name is "get" or "post" or "put" or "patch" or "delete")
                    .Select(operation => new DocumentedRoute(new HttpMethod(operation.Name.ToUpperInvariant()), path.Name) { Operation = operation.Value })),
        ];
    }
}
