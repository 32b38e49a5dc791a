namespace LexIntel.Shared.Queue;

/// <summary>A handler type that consumes the jobs of <see cref="Kind"/>.</summary>
public sealed record JobHandlerRegistration(string Kind, Type HandlerType);
