namespace LexIntel.WorkerService.Extraction.Tools;

/// <summary>What a tool that exited with 0 wrote: its output, and the end of its error stream (warnings).</summary>
public sealed record ToolResult(byte[] Output, string Errors);
