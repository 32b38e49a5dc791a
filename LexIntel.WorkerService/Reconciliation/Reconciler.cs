using System.Data.Common;
using LexIntel.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.WorkerService.Reconciliation;

/// <summary>
/// One reconciliation pass: re-queues documents whose job was lost, removes stored files no
/// document owns and abandoned staged uploads. One worker at a time runs it, holding a PostgreSQL
/// advisory lock for the pass.
/// </summary>
internal sealed partial class Reconciler(LexIntelDbContext db, LostJobRepair lostJobs, OrphanFileSweep files, ILogger<Reconciler> logger)
{
    /// <summary>The advisory lock a pass holds: a number no other lock of the database uses ("LexIntRc").</summary>
    public const long LockKey = 0x4C65_7849_6E74_5263;

    /// <summary>Runs a pass, or returns null when another worker is running one.</summary>
    public async Task<ReconcilerResult?> RunOnceAsync(CancellationToken cancellationToken)
    {
        // A session lock on a connection held for the pass: it ends with the pass, or with the
        // connection should the worker die, and never outlives either.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!await db.Database.SqlQuery<bool>($"""SELECT pg_try_advisory_lock({LockKey}) AS "Value" """).SingleAsync(cancellationToken))
            {
                return null;
            }

            try
            {
                var requeued = await lostJobs.RunAsync(cancellationToken);
                var (orphanFiles, abandonedUploads) = await files.RunAsync(cancellationToken);
                return new ReconcilerResult(requeued, orphanFiles, abandonedUploads);
            }
            finally
            {
                await UnlockAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task UnlockAsync()
    {
        try
        {
            await db.Database.SqlQuery<bool>($"""SELECT pg_advisory_unlock({LockKey}) AS "Value" """).SingleAsync(CancellationToken.None);
        }
        catch (DbException ex)
        {
            // The connection broke, and the lock went with it.
            LogUnlockFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the reconciler's lock failed; it ended with its connection")]
    private partial void LogUnlockFailed(Exception exception);
}
