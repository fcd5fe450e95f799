namespace CascadeGuard.Simulation.Accounts;

/// <summary>
/// Accounts indexed by liquidation price. At the start every account sits in one array sorted riskiest first, with a
/// cursor that moves down as the price falls: a step pops only the accounts whose liquidation price the move crossed.
/// An account whose position changes outside the liquidatable list (or that becomes healthy again when the price
/// recovers) is pushed into a heap with its new liquidation price and a version stamp; stale heap and array entries are
/// skipped when they surface. Cost per step: O(k log n) for k accounts crossed, plus sorting the list.
/// </summary>
internal sealed class TriggerIndex : LiquidationIndex
{
    private const byte InArray = 0;
    private const byte InHeap = 1;
    private const byte Listed = 2;
    private const byte Closed = 3;

    private readonly Ledger _ledger;
    private readonly int[] _order;
    private readonly byte[] _state;
    private readonly int[] _version;
    private readonly PriorityQueue<(int Account, int Version), (double Trigger, int Account)> _heap;
    private int[] _listed = new int[64];
    private int _count;
    private int _cursor;

    public TriggerIndex(Ledger ledger)
    {
        _ledger = ledger;
        var n = ledger.Count;
        _order = new int[n];
        _state = new byte[n];
        _version = new int[n];
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            _order[i] = i;

            // Riskiest first: the negated trigger ascending. Ties need no order: a step pops all of them or none.
            keys[i] = -ledger.Triggers[i];
            if (!ledger.IsOpen(i))
            {
                _state[i] = Closed;
            }
        }

        Array.Sort(keys, _order);
        _heap = new PriorityQueue<(int, int), (double, int)>(HeapOrder.Instance);
    }

    public override ReadOnlySpan<int> Liquidatable => _listed.AsSpan(0, _count);

    public override void Collect(double ratio)
    {
        var triggers = _ledger.Triggers;

        // Last step's list: keep what is still liquidatable, re-index what recovered, drop what closed.
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            var a = _listed[i];
            if (!_ledger.IsOpen(a))
            {
                _state[a] = Closed;
            }
            else if (triggers[a] >= ratio)
            {
                _listed[kept++] = a;
            }
            else
            {
                Push(a);
            }
        }

        _count = kept;
        while (_cursor < _order.Length)
        {
            var a = _order[_cursor];
            if (_state[a] != InArray)
            {
                _cursor++;
                continue;
            }

            if (triggers[a] < ratio)
            {
                break;
            }

            _cursor++;
            List(a);
        }

        while (_heap.TryPeek(out var entry, out var key) && key.Trigger >= ratio)
        {
            _heap.Dequeue();
            if (_state[entry.Account] == InHeap && _version[entry.Account] == entry.Version)
            {
                List(entry.Account);
            }
        }

        _listed.AsSpan(0, _count).Sort(new RiskiestFirst(triggers));
    }

    public override void Touched(int account)
    {
        switch (_state[account])
        {
            case Closed:
            case Listed:
                // A listed account is re-checked at the next Collect.
                return;
            default:
                if (_ledger.IsOpen(account))
                {
                    Push(account);
                }
                else
                {
                    _state[account] = Closed;
                }

                return;
        }
    }

    private void Push(int account)
    {
        _state[account] = InHeap;
        var version = ++_version[account];
        _heap.Enqueue((account, version), (_ledger.Triggers[account], account));
    }

    private void List(int account)
    {
        if (_count == _listed.Length)
        {
            Array.Resize(ref _listed, _listed.Length * 2);
        }

        _state[account] = Listed;
        _listed[_count++] = account;
    }

    private sealed class HeapOrder : IComparer<(double Trigger, int Account)>
    {
        public static readonly HeapOrder Instance = new();

        public int Compare((double Trigger, int Account) x, (double Trigger, int Account) y)
        {
            var c = y.Trigger.CompareTo(x.Trigger);
            return c != 0 ? c : x.Account.CompareTo(y.Account);
        }
    }
}
