using System.Text.Json;
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
    /// Publishes the project as an image built from <paramref name="dockerfilePath"/> (relative to
    /// <paramref name="contextPath"/>, which is relative to the AppHost's folder) instead of by the .NET
    /// SDK's container build, which cannot install system packages. Run mode keeps the project as it is.
    /// In publish mode Aspire 13.6 replaces the project in the app model by a container of the same
    /// name sharing its annotations (environment, endpoints, probes, replicas); the manifest lists it
    /// as <c>container.v1</c> with a <c>build</c> section, which azd builds with Docker. Call
    /// <see cref="WithReplicasAndProbesInManifest"/> after this: Aspire sets the manifest writer here.
    /// </summary>
    public static IResourceBuilder<ProjectResource> PublishWithDockerfile(this IResourceBuilder<ProjectResource> project, string contextPath, string dockerfilePath) =>
        project.PublishAsDockerFile(container => container.WithDockerfile(contextPath, dockerfilePath));

    /// <summary>
    /// Writes the project into the publish manifest as Aspire 13.6 does (<c>project.v0</c>: path,
    /// arguments, environment, bindings, or the container of <see cref="PublishWithDockerfile"/>),
    /// plus the two things its manifest writer leaves out: <c>replicas</c> and <c>probes</c>. azd
    /// reads neither (its Container Apps template sets one minimum replica and no probes); they are
    /// there so that the manifest states the intended deployment and a test holds it. Probes and
    /// scale rules on Azure itself come from <c>azd infra gen</c> templates or settings after
    /// deploying (docs/deployment.md).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReplicasAndProbesInManifest(this IResourceBuilder<ProjectResource> project)
    {
        var resources = project.ApplicationBuilder.Resources;
        return project.WithManifestPublishingCallback(context => WriteAsync(context, project.Resource, resources));
    }

    private static async Task WriteAsync(ManifestPublishingContext context, ProjectResource project, IResourceCollection resources)
    {
        // Published from a Dockerfile, the project's place in the model is taken by a container of its name.
        if (resources.OfType<ContainerResource>().SingleOrDefault(r => r.Name == project.Name) is { } image)
        {
            await context.WriteContainerAsync(image);
        }
        else
        {
            await WriteProjectAsync(context, project);
        }

        WriteReplicasAndProbes(context.Writer, project);
    }

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
    }

    private static void WriteReplicasAndProbes(Utf8JsonWriter writer, ProjectResource project)
    {
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
