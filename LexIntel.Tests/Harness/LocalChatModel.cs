using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LexIntel.Tests.Harness;

/// <summary>
/// A small local server speaking the OpenAI chat-completions wire protocol (plain and streamed), in
/// place of a paid model: it answers each request with what <see cref="Reply"/> makes of it and
/// keeps every request it was sent.
/// </summary>
public sealed class LocalChatModel : IAsyncDisposable
{
    public const string Model = "test-model";

    private readonly List<JsonObject> requests = [];
    private readonly WebApplication server;

    private LocalChatModel(WebApplication server) => this.server = server;

    /// <summary>The reply to a request (its JSON body); it may change while the model runs.</summary>
    public Func<JsonObject, string> Reply { get; set; } = _ => string.Empty;

    /// <summary>The <c>chat</c> connection string that points the app at this model.</summary>
    public string ConnectionString => $"Endpoint={server.Urls.First()}/v1;Model={Model};Key=sk-test";

    public IReadOnlyList<JsonObject> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>The text of a request's messages, by role.</summary>
    public static List<(string Role, string Content)> Messages(JsonObject request) =>
        [.. request["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), m["content"]!.ToJsonString()))];

    public static async Task<LocalChatModel> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var model = new LocalChatModel(builder.Build());
        model.server.MapPost("/v1/chat/completions", model.AnswerAsync);
        await model.server.StartAsync(cancellationToken);
        return model;
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    private async Task AnswerAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))!.AsObject();
        lock (requests)
        {
            requests.Add(body);
        }

        var reply = Reply(body);
        if (body["stream"]?.GetValue<bool>() != true)
        {
            await http.Response.WriteAsJsonAsync(
                new
                {
                    id = "chatcmpl-1",
                    @object = "chat.completion",
                    created = 1764345600,
                    model = body["model"]!.GetValue<string>(),
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = reply }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
                },
                http.RequestAborted);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        for (var i = 0; i < reply.Length; i += 7)
        {
            var chunk = new { id = "chatcmpl-1", @object = "chat.completion.chunk", created = 1764345600, model = Model, choices = new[] { new { index = 0, delta = new { content = reply[i..Math.Min(reply.Length, i + 7)] }, finish_reason = (string?)null } } };
            await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        }

        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
    }
}
