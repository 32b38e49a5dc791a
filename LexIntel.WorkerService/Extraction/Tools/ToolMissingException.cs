namespace LexIntel.WorkerService.Extraction.Tools;

/// <summary>The tool is not installed (scripts/setup.sh and the worker's image install them).</summary>
public sealed class ToolMissingException(string program, Exception? inner = null)
    : Exception($"{program} is not installed on this machine; run scripts/setup.sh (the worker's container image has it)", inner);
