using System.ClientModel;
using System.Data.Common;
using Microsoft.Extensions.AI;
using OpenAI;

namespace LexIntel.ApiService.ChatModel;

public static class ChatModelServiceExtensions
{
    /// <summary>The connection string that names a chat model: <c>Endpoint=…;Model=…;Key=…</c> (Key optional, e.g. for Ollama).</summary>
    public const string ConnectionName = "chat";

    /// <summary>
    /// With a <c>chat</c> connection string, one <see cref="IChatClient"/> (any OpenAI-compatible
    /// endpoint, Ollama's <c>/v1</c> included) for the features that use a model: generated
    /// answers, re-ranked search. Returns whether a model is configured.
    /// </summary>
    public static bool AddChatModel(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString(ConnectionName) is not { Length: > 0 } connectionString)
        {
            return false;
        }

        if (!builder.Services.Any(s => s.ServiceType == typeof(IChatClient)))
        {
            var (endpoint, model, key) = Parse(connectionString);
            builder.Services.AddChatClient(_ => new OpenAIClient(new ApiKeyCredential(key ?? "none"), new OpenAIClientOptions { Endpoint = endpoint }).GetChatClient(model).AsIChatClient())
                .UseOpenTelemetry()
                .UseLogging();
        }

        return true;
    }

    private static (Uri Endpoint, string Model, string? Key) Parse(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Part(string name) => parts.TryGetValue(name, out var value) ? value?.ToString() : null;
        var endpoint = Part("Endpoint");
        var model = Part("Model") ?? Part("Deployment");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || string.IsNullOrWhiteSpace(model))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} must name an absolute Endpoint (ending in /v1) and a Model, e.g. \"Endpoint=http://localhost:11434/v1;Model=llama3.1\".");
        }

        return (uri, model, Part("Key") ?? Part("ApiKey"));
    }
}
