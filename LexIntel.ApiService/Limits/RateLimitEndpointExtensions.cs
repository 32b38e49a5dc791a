using Microsoft.AspNetCore.Mvc;

namespace LexIntel.ApiService.Limits;

internal static class RateLimitEndpointExtensions
{
    /// <summary>The routes of <paramref name="builder"/> are limited by <paramref name="policy"/> (<see cref="RateLimitPolicies"/>), and document the 429 it answers.</summary>
    public static TBuilder WithRateLimit<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(policy)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]));
}
