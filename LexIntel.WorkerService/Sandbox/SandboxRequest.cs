using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.Sandbox;

/// <summary>One file for a sandbox to parse, under the worker's limits (the sandbox reads no configuration of its own).</summary>
public sealed record SandboxRequest(string ContentType, string Path, ExtractionLimits Limits);
