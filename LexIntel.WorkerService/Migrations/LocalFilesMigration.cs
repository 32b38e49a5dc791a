using LexIntel.Shared.Storage;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Migrations;

/// <summary>
/// Moves the originals an earlier LexIntel kept on local disk (<c>LexIntel:Storage:MigrateFrom</c>,
/// <c>{tenant}/{case}/{document}</c> below it, the same keys the blob store uses) into the blob
/// store. Each file is deleted only once it is committed, so an interrupted move is resumed by the
/// next run, and a file committed before the interruption is found stored already (its SHA-256
/// agrees) and only deleted. Once every file is moved the folder is removed, and later runs find
/// nothing to do.
/// </summary>
internal sealed partial class LocalFilesMigration(IFileStore store, IOptions<StorageOptions> options, ILogger<LocalFilesMigration> logger)
{
    private const int BufferSize = 81920;

    /// <summary>The old store's scratch folder: uploads that never finished, not to be kept.</summary>
    private const string ScratchFolder = ".incoming";

    public async Task MoveAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateFrom is not { Length: > 0 } configured || !Directory.Exists(configured))
        {
            return;
        }

        var root = Path.GetFullPath(configured);
        var (moved, kept) = (0, 0);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList())
        {
            var key = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(ScratchFolder + "/", StringComparison.Ordinal))
            {
                File.Delete(path);
            }
            else if (!StorageKeys.IsValid(key))
            {
                LogNotAKey(key);
                kept++;
            }
            else if (await TryMoveAsync(path, key, cancellationToken))
            {
                moved++;
            }
            else
            {
                kept++;
            }
        }

        RemoveEmptyFolders(root);
        LogMoved(moved, root, kept);
    }

    private async Task<bool> TryMoveAsync(string path, string key, CancellationToken cancellationToken)
    {
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true))
        {
            var staged = await store.StageAsync(key, file, long.MaxValue, cancellationToken);
            try
            {
                await store.CommitAsync(staged, cancellationToken);
            }
            catch (IOException ex)
            {
                // The key holds other bytes: which copy is right is for a person to decide.
                LogConflict(ex, key);
                return false;
            }
        }

        File.Delete(path);
        return true;
    }

    private static void RemoveEmptyFolders(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(f => f.Length))
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }

        if (!Directory.EnumerateFileSystemEntries(root).Any())
        {
            Directory.Delete(root);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Moved} original(s) from {Folder} into the blob store; {Kept} left where they are")]
    private partial void LogMoved(int moved, string folder, int kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left {Path} on local disk: it is not named like a stored original ({{tenant}}/{{case}}/{{document}})")]
    private partial void LogNotAKey(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Left the local original {Key} where it is: the blob store holds other bytes under its key")]
    private partial void LogConflict(Exception exception, string key);
}
