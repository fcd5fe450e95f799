namespace CascadeGuard.Simulation.Accounts;

/// <summary>
/// Accounts indexed by liquidation price. At the start every account sits in one array sorted riskiest first, with a
/// cursor that moves down as the price falls: a step pops only the accounts whose liquidation price the move crossed.
/// An account whose position changes outside the liquidatable list (or that becomes healthy again when the price
/// recovers) is pushed into a heap with its new liquidation price and a version stamp; stale heap and array entries are
/// skipped when they surface. The list stays sorted between steps: only the accounts added or changed since the last
/// step are sorted, then merged with the rest. Cost per step: O(k log n) for k accounts crossed or changed, plus one
/// pass over the list.
/// </summary>
internal sealed class TriggerIndex : LiquidationIndex
{
    private const byte InArray = 0;
    private const byte InHeap = 1;
    private const byte Listed = 2;
    private const byte Closed = 3;
    private const byte ListedTouched = 4; // listed, and its position changed since the last Collect

    private readonly Ledger _ledger;
    private readonly int[] _order;
    private readonly byte[] _state;
    private readonly int[] _version;
    private readonly PriorityQueue<(int Account, int Version), (double Trigger, int Account)> _heap;
    private int[] _listed = new int[64];
    private int[] _fresh = new int[64];
    private int[] _merged = new int[64];
    private int _count;
    private int _freshCount;
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

        // Last step's list: keep what is still liquidatable (changed accounts are re-sorted with the new ones),
        // re-index what recovered, drop what closed.
        var kept = 0;
        _freshCount = 0;
        for (var i = 0; i < _count; i++)
        {
            var a = _listed[i];
            if (!_ledger.IsOpen(a))
            {
                _state[a] = Closed;
            }
            else if (triggers[a] < ratio)
            {
                Push(a);
            }
            else if (_state[a] == ListedTouched)
            {
                _state[a] = Listed;
                AddFresh(a);
            }
            else
            {
                _listed[kept++] = a;
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

        MergeFresh(triggers);
    }

    public override void Touched(int account)
    {
        switch (_state[account])
        {
            case Closed:
            case ListedTouched:
                return;
            case Listed:
                // Re-checked and re-sorted at the next Collect.
                _state[account] = ListedTouched;
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
        _state[account] = Listed;
        AddFresh(account);
    }

    private void AddFresh(int account)
    {
        if (_freshCount == _fresh.Length)
        {
            Array.Resize(ref _fresh, _fresh.Length * 2);
        }

        _fresh[_freshCount++] = account;
    }

    // The kept accounts are still in order (their liquidation prices did not change); sort the fresh ones and merge.
    private void MergeFresh(double[] triggers)
    {
        if (_freshCount == 0)
        {
            return;
        }

        var order = new RiskiestFirst(triggers);
        _fresh.AsSpan(0, _freshCount).Sort(order);
        var total = _count + _freshCount;
        if (_merged.Length < total)
        {
            _merged = new int[Math.Max(total, _merged.Length * 2)];
        }

        int i = 0, j = 0, k = 0;
        while (i < _count && j < _freshCount)
        {
            _merged[k++] = order.Compare(_listed[i], _fresh[j]) <= 0 ? _listed[i++] : _fresh[j++];
        }

        while (i < _count)
        {
            _merged[k++] = _listed[i++];
        }

        while (j < _freshCount)
        {
            _merged[k++] = _fresh[j++];
        }

        (_listed, _merged) = (_merged, _listed);
        _count = total;
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
