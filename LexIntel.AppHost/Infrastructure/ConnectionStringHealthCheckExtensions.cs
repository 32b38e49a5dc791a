namespace LexIntel.AppHost.Infrastructure;

internal static class ConnectionStringHealthCheckExtensions
{
    /// <summary>
    /// Adds a health check for a resource whose connection string only exists once Aspire has
    /// allocated its endpoints; <paramref name="addCheck"/> registers the check for a connection
    /// string factory and a name.
    /// </summary>
    public static IResourceBuilder<T> WithConnectionStringHealthCheck<T>(
        this IResourceBuilder<T> builder,
        Action<IHealthChecksBuilder, Func<IServiceProvider, string>, string> addCheck)
        where T : IResourceWithConnectionString
    {
        string? connectionString = null;
        var name = builder.Resource.Name;
        var key = $"{name}_check";
        addCheck(
            builder.ApplicationBuilder.Services.AddHealthChecks(),
            _ => connectionString ?? throw new InvalidOperationException($"The connection string of '{name}' is not available yet."),
            key);

        return builder
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))
            .WithHealthCheck(key);
    }
}
