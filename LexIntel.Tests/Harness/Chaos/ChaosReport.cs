namespace LexIntel.Tests.Harness.Chaos;

/// <summary>
/// What a chaos run found. <see cref="Lost"/>, <see cref="Duplicated"/>, <see cref="Stuck"/> and
/// <see cref="SseMissed"/> should all be 0; <see cref="Problems"/> names each case that is not.
/// </summary>
/// <param name="Documents">Accepted documents (uploads and the attachments taken out of them).</param>
/// <param name="Faults">Faults injected.</param>
/// <param name="Lost">Accepted uploads missing, ordinary documents that failed because of the faults (worker_crashed short of <see cref="CappedByKills"/>, timed_out, internal_error), and any failed without a reason.</param>
/// <param name="Duplicated">Documents with a chunk or a citation twice.</param>
/// <param name="Stuck">Documents not ready or failed at the end, plus jobs left pending, unread or delayed in the streams and outbox messages never sent.</param>
/// <param name="DrainSeconds">From the end of the last fault to the last document becoming final (0 when all were final before).</param>
/// <param name="SseMissed">Uploads whose final event an SSE client of their case did not see exactly once.</param>
/// <param name="Ready">Documents ready.</param>
/// <param name="HostileOutcomes">Each hostile file's failure code (or status) and how long it took from upload to final.</param>
/// <param name="CappedByKills">
/// Documents failed as <c>worker_crashed</c> because the run killed their job's worker as often as
/// the delivery cap allows: what the cap is for (a file that kills its worker each time looks no
/// different), so not counted as lost, but listed.
/// </param>
/// <param name="MidJobKills">Worker SIGKILLs that hit a worker holding a job.</param>
/// <param name="SseReconnections">Times the SSE clients reconnected with Last-Event-ID.</param>
/// <param name="FaultLog">Each fault as it happened, with its time from the run's start.</param>
/// <param name="Problems">Each lost, duplicated, stuck or missed item, each hostile file that failed otherwise than expected, and each worker that exited without being told to.</param>
public sealed record ChaosReport(
    int Documents,
    int Faults,
    int Lost,
    int Duplicated,
    int Stuck,
    double DrainSeconds,
    int SseMissed,
    int Ready,
    IReadOnlyList<(string File, string Outcome, double Seconds)> HostileOutcomes,
    IReadOnlyList<string> CappedByKills,
    int MidJobKills,
    int SseReconnections,
    IReadOnlyList<string> FaultLog,
    IReadOnlyList<string> Problems);
