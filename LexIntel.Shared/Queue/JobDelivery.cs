using StackExchange.Redis;

namespace LexIntel.Shared.Queue;

/// <summary>
/// An entry as it reached this consumer, with how often Redis has delivered it in all: 1 when read
/// fresh, more when it was reclaimed from a consumer that stopped renewing it (Redis's delivery
/// counter, which <c>XAUTOCLAIM</c> raises and <c>XPENDING</c> reports).
/// </summary>
internal readonly record struct JobDelivery(StreamEntry Entry, long Count);
