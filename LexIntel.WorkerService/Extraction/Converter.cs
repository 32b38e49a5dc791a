using LexIntel.WorkerService.Extraction.Tools;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// A command-line converter of a legacy format run on a copy of the file, in a folder of its own
/// that is removed afterwards, within <see cref="ExtractionLimits"/>' timeout and memory for
/// converters. The copy always has the same name, so no uploaded name reaches the tool.
/// </summary>
internal static class Converter
{
    /// <summary>What the converter is told the file is called, in its working folder.</summary>
    public const string InputName = "document";

    private const long MiB = 1024 * 1024;

    /// <param name="format">What the file is, in the words of a failure: "a Word document".</param>
    /// <exception cref="ToolFailedException">The converter refused the file; the caller knows its words for why.</exception>
    /// <exception cref="ToolOutputTooLargeException">It wrote more than <paramref name="maxOutputBytes"/>.</exception>
    public static byte[] Run(Stream content, string program, IReadOnlyList<string> arguments, int maxOutputBytes, ExtractionLimits limits, string format, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("lexintel-convert-").FullName;
        try
        {
            using (var copy = new FileStream(Path.Combine(directory, InputName), FileMode.CreateNew, FileAccess.Write))
            {
                content.Position = 0;
                content.CopyTo(copy);
            }

            var command = new ToolCommand(program, arguments)
            {
                WorkingDirectory = directory,
                Timeout = TimeSpan.FromSeconds(limits.ConverterTimeoutSeconds),
                MemoryLimitBytes = limits.ConverterMemoryMiB * MiB,
                MaxOutputBytes = maxOutputBytes,
            };

            // Extractors are synchronous (a parser holds its thread anyway); neither caller has a synchronization context to deadlock on.
            return ToolProcess.RunAsync(command, cancellationToken).GetAwaiter().GetResult().Output;
        }
        catch (ToolTimedOutException)
        {
            throw ExtractionFailures.ConverterTimedOut(format, limits.ConverterTimeoutSeconds);
        }
        catch (ToolFailedException ex) when (ex.RanOutOfMemory)
        {
            throw ExtractionFailures.ConverterOutOfMemory(format, limits.ConverterMemoryMiB);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left to the operating system's (or, inside one, the sandbox's) temporary folder cleanup; the file's failure, if any, is what matters.
            }
        }
    }
}
