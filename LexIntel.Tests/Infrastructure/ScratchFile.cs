namespace LexIntel.Tests.Infrastructure;

/// <summary>Bytes in a temporary file deleted when closed, readable by other processes meanwhile, as the extract step makes them.</summary>
public static class ScratchFile
{
    public static FileStream Of(byte[] content)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"lexintel-test-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.DeleteOnClose);
        file.Write(content);
        file.Flush();
        file.Position = 0;
        return file;
    }
}
