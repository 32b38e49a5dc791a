using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace LexIntel.WorkerService.Sandbox;

/// <summary>
/// Limits the kernel enforces on another process (<c>prlimit(2)</c>, Linux): no library or tool is
/// needed, and a limit set on a running process holds from its next allocation or tick on.
/// </summary>
[SupportedOSPlatform("linux")]
internal static partial class ResourceLimits
{
    // The resource numbers of Linux's generic ABI (x86-64 and arm64 alike).
    private const int Cpu = 0;
    private const int Core = 4;
    private const int AddressSpace = 9;
    private const ulong Unlimited = ulong.MaxValue;

    /// <summary>Caps the address space: an allocation past it fails (an OutOfMemoryException in .NET).</summary>
    public static void LimitAddressSpace(int pid, long bytes) => Set(pid, AddressSpace, (ulong)bytes, (ulong)bytes);

    /// <summary>No core files: a sandbox that crashes on a file of hundreds of MiB would write one that size.</summary>
    public static void NoCoreDumps(int pid) => Set(pid, Core, 0, 0);

    /// <summary>
    /// SIGXCPU once the process has used <paramref name="seconds"/> of CPU in all, which ends a .NET
    /// process (the runtime leaves the signal's default action). Only the soft limit is set: the
    /// hard one, once lowered, could not be raised again for the next document without privilege.
    /// </summary>
    public static void LimitCpuTime(int pid, long seconds) => Set(pid, Cpu, (ulong)seconds, Unlimited);

    private static void Set(int pid, int resource, ulong soft, ulong hard)
    {
        var limit = new Limit { Soft = soft, Hard = hard };
        if (SetLimit(pid, resource, in limit, IntPtr.Zero) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"prlimit({pid}, {resource}) failed");
        }
    }

    [LibraryImport("libc", EntryPoint = "prlimit", SetLastError = true)]
    private static partial int SetLimit(int pid, int resource, in Limit newLimit, IntPtr oldLimit);

    [StructLayout(LayoutKind.Sequential)]
    private struct Limit
    {
        public ulong Soft;
        public ulong Hard;
    }
}
