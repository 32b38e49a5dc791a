namespace LexIntel.Shared.Storage;

public sealed class FileTooLargeException(long limit)
    : Exception($"The file is larger than the limit of {limit:N0} bytes.")
{
    public long Limit { get; } = limit;
}
