using Aspire.Hosting.Publishing;

// The probe API is experimental in Aspire 13.6 (ASPIREPROBES001); it is the app model's one way to
// say what a platform should probe, and what Aspire's own Kubernetes and Azure publishers read.
#pragma warning disable ASPIREPROBES001

namespace LexIntel.AppHost.Infrastructure;

public static class DeploymentBuilderExtensions
{
    /// <summary>The endpoint the probes use: plain HTTP, as a platform's ingress ends TLS before the container.</summary>
    public const string ProbeEndpointName = "http";

    private const string ReadinessPath = "/health";

    private const string LivenessPath = "/alive";

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

    /// <summary>
    /// Writes the project into the publish manifest as Aspire 13.6 does (<c>project.v0</c>: path,
    /// arguments, environment, bindings), plus the two things its manifest writer leaves out:
    /// <c>replicas</c> and <c>probes</c>. azd reads neither (its Container Apps template sets one
    /// minimum replica and no probes); they are there so that the manifest states the intended
    /// deployment and a test holds it. Probes and scale rules on Azure itself come from
    /// <c>azd infra gen</c> templates or settings after deploying (docs/deployment.md).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReplicasAndProbesInManifest(this IResourceBuilder<ProjectResource> project) =>
        project.WithManifestPublishingCallback(context => WriteProjectAsync(context, project.Resource));

    private static async Task WriteProjectAsync(ManifestPublishingContext context, ProjectResource project)
    {
        // Aspire writes a project with a deployment target (an Azure publisher's) as project.v1 with
        // more fields; this writer knows project.v0 only, and must not drop them silently.
        if (project.GetDeploymentTargetAnnotation() is not null)
        {
            throw new InvalidOperationException(
                $"'{project.Name}' has a deployment target, which {nameof(WithReplicasAndProbesInManifest)} cannot write; remove it from the project.");
        }

        var writer = context.Writer;
        writer.WriteString("type", "project.v0");
        writer.WriteString("path", context.GetManifestRelativePath(project.GetProjectMetadata().ProjectPath));
        await context.WriteCommandLineArgumentsAsync(project);
        await context.WriteEnvironmentVariablesAsync(project);
        context.WriteBindings(project);

        if (project.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas))
        {
            writer.WriteNumber("replicas", replicas.Replicas);
        }

        var probes = project.Annotations.OfType<EndpointProbeAnnotation>().ToList();
        if (probes.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("probes");
        foreach (var probe in probes)
        {
            writer.WriteStartObject();
            writer.WriteString("type", probe.Type.ToString().ToLowerInvariant());
            writer.WriteString("path", probe.Path);
            writer.WriteString("endpoint", probe.EndpointReference.EndpointName);
            writer.WriteNumber("initialDelaySeconds", probe.InitialDelaySeconds);
            writer.WriteNumber("periodSeconds", probe.PeriodSeconds);
            writer.WriteNumber("timeoutSeconds", probe.TimeoutSeconds);
            writer.WriteNumber("failureThreshold", probe.FailureThreshold);
            writer.WriteNumber("successThreshold", probe.SuccessThreshold);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
