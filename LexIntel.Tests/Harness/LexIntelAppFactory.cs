using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using LexIntel.AppHost.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LexIntel.Tests.Harness;

/// <summary>Starts the real AppHost (embedded default) under Aspire.Hosting.Testing, for the tests and the benchmarks.</summary>
public static class LexIntelAppFactory
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The key that signs the Development tokens of this process's apps: new for every run, never a known value.</summary>
    public static string SigningKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Starts the app on <paramref name="dataDirectory"/>; <paramref name="settings"/> (<c>key=value</c>)
    /// are added to the AppHost's configuration, which forwards the API's request settings
    /// (<see cref="ApiSettingsBuilderExtensions.ForwardedSections"/>) to the API.
    /// </summary>
    public static Task<DistributedApplication> StartAsync(string dataDirectory, CancellationToken cancellationToken, params IEnumerable<string> settings) =>
        StartAsync(dataDirectory, configure: _ => { }, cancellationToken, settings);

    /// <summary>As above, with <paramref name="configure"/> changing the app model before it is built (taking a resource out, say).</summary>
    public static async Task<DistributedApplication> StartAsync(
        string dataDirectory, Action<IDistributedApplicationTestingBuilder> configure, CancellationToken cancellationToken, params IEnumerable<string> settings)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LexIntel_AppHost>(
            [
                "LexIntel:Infrastructure=Local",
                $"LexIntel:DataDirectory={dataDirectory}",
                "DcpPublisher:RandomizePorts=true",
                $"Parameters:{IdentityBuilderExtensions.SigningKeyParameter}={SigningKey}",
                .. settings,
            ],
            (options, _) => options.DisableDashboard = true,
            cancellationToken);

        // Every poll of the API would otherwise log four lines.
        builder.Services.AddLogging(logging => logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning));

        // With no dashboard listening, the services' OTLP exporter holds up their exit by ~10 s.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", string.Empty);
        }

        configure(builder);
        var app = await builder.BuildAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        return app;
    }
}
