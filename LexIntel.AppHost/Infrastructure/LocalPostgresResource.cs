namespace LexIntel.AppHost.Infrastructure;

/// <summary>
/// The machine's PostgreSQL server run as an executable, exposing the same connection string
/// shape as Aspire's container resource so the services cannot tell the two apart.
/// </summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    public const string UserName = "postgres";

    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");

    internal List<LocalPostgresDatabaseResource> Databases { get; } = [];
}
