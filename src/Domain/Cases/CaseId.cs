namespace CaseManager.Domain.Cases;

/// <summary>A case's id; comparable so that jobs can page through cases by id (keyset).</summary>
public readonly record struct CaseId(Guid Value) : IComparable<CaseId>
{
    public static CaseId New() => new(Guid.CreateVersion7());

    public int CompareTo(CaseId other) => Value.CompareTo(other.Value);

    public static bool operator <(CaseId left, CaseId right) => left.CompareTo(right) < 0;

    public static bool operator <=(CaseId left, CaseId right) => left.CompareTo(right) <= 0;

    public static bool operator >(CaseId left, CaseId right) => left.CompareTo(right) > 0;

    public static bool operator >=(CaseId left, CaseId right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value.ToString();
}
