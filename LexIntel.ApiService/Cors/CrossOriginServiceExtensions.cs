using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Cors;

internal static class CrossOriginServiceExtensions
{
    /// <summary>
    /// Cross-origin access for the configured origins only. With none configured there is no policy
    /// at all: the API answers no cross-origin header, so browsers keep other sites' scripts out.
    /// Tokens travel in the Authorization header, never in cookies, so credentials are not allowed.
    /// </summary>
    public static IHostApplicationBuilder AddLexIntelCors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrossOriginOptions>()
            .BindConfiguration(CrossOriginOptions.SectionName)
            .Validate(
                o => o.AllowedOrigins.All(CrossOriginOptions.IsOrigin),
                $"{CrossOriginOptions.SectionName}:AllowedOrigins must each be an origin, scheme://host[:port] with nothing after it (https://app.example.com); '*' is not allowed.")
            .Validate(o => o.PreflightMaxAge >= TimeSpan.Zero, $"{CrossOriginOptions.SectionName}:PreflightMaxAge must not be negative.")
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>()
            .Configure<IOptions<CrossOriginOptions>>((cors, origins) =>
            {
                if (origins.Value.AllowedOrigins is not { Count: > 0 } allowed)
                {
                    return;
                }

                cors.AddDefaultPolicy(policy => policy
                    .WithOrigins([.. allowed])
                    .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)

                    // Range: PDF viewers fetch originals in pieces; Last-Event-ID: a reconnecting progress feed.
                    .WithHeaders("Authorization", "Content-Type", "Last-Event-ID", "Range")
                    .WithExposedHeaders("Retry-After", "Location", "Content-Disposition", "Content-Range", "Accept-Ranges")
                    .SetPreflightMaxAge(origins.Value.PreflightMaxAge));
            });
        return builder;
    }
}
