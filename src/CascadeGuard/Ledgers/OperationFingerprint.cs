namespace CascadeGuard.Ledgers;

/// <summary>
/// A deterministic 64-bit digest of an operation's content (FNV-1a over 64-bit words), stored with its id so that
/// reusing an id for a different operation is detected. <see cref="HashCode"/> is not used: it is seeded per process
/// and would not survive a snapshot.
/// </summary>
internal struct OperationFingerprint
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private ulong _hash;
    private bool _started;

    public static OperationFingerprint Of(int kind)
    {
        var f = default(OperationFingerprint);
        f.Add(kind);
        return f;
    }

    public void Add(long value)
    {
        if (!_started)
        {
            _hash = Offset;
            _started = true;
        }

        var v = unchecked((ulong)value);
        for (var i = 0; i < 8; i++)
        {
            _hash ^= (v >> (8 * i)) & 0xFF;
            _hash = unchecked(_hash * Prime);
        }
    }

    public readonly ulong Value => _hash;
}
