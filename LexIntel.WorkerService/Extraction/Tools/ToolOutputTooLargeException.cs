namespace LexIntel.WorkerService.Extraction.Tools;

/// <summary>The tool wrote more than <see cref="ToolCommand.MaxOutputBytes"/> and was killed.</summary>
public sealed class ToolOutputTooLargeException(string program, int limit)
    : Exception($"{program} wrote more than {limit:N0} bytes and was killed")
{
    public int Limit => limit;
}
