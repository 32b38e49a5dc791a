namespace LexIntel.AppHost.Infrastructure;

public static class ApiSettingsBuilderExtensions
{
    /// <summary>The API's sections the AppHost forwards from its own configuration, under the same keys.</summary>
    public static IReadOnlyList<string> ForwardedSections { get; } =
        ["LexIntel:RateLimits", "LexIntel:RequestTimeouts", "LexIntel:Cors", "LexIntel:ProgressStream"];

    /// <summary>
    /// How the API treats requests (rate limits, timeouts, allowed origins, progress streams), as
    /// given to the AppHost (its appsettings, user secrets or command line), so that a local web
    /// front end's origin, or a test's small limits, are set where the app is started.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithForwardedSettings(this IResourceBuilder<ProjectResource> api)
    {
        foreach (var section in ForwardedSections)
        {
            foreach (var (key, value) in api.ApplicationBuilder.Configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null)
                {
                    api.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
                }
            }
        }

        return api;
    }
}
