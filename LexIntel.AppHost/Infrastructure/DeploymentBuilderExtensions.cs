// The probe API is experimental in Aspire 13.6 (ASPIREPROBES001); it is the app model's one way to
// say what a platform should probe, and what Aspire's own Kubernetes and Azure publishers read.
#pragma warning disable ASPIREPROBES001

namespace LexIntel.AppHost.Infrastructure;

public static class DeploymentBuilderExtensions
{
    /// <summary>The endpoint the probes use: plain HTTP, as a platform's ingress ends TLS before the container.</summary>
    public const string ProbeEndpointName = "http";

    public const string ReadinessPath = "/health";

    public const string LivenessPath = "/alive";

    /// <summary>
    /// Readiness on <c>/health</c> (every check: database, Redis, and in a worker its consumers) and
    /// liveness on <c>/alive</c> (the process only), as the service defaults map them. On the http
    /// endpoint: left to Aspire they would take https. Run locally, the readiness probe is also the
    /// AppHost's health check of the resource.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHealthProbes(this IResourceBuilder<ProjectResource> project) =>
        project
            .WithHttpProbe(ProbeType.Readiness, ReadinessPath, endpointName: ProbeEndpointName)
            .WithHttpProbe(ProbeType.Liveness, LivenessPath, endpointName: ProbeEndpointName);
}
