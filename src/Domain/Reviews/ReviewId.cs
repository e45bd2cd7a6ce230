namespace CaseManager.Domain.Reviews;

/// <summary>A review's id. Comparable, so that the reminder job can page through reviews by key.</summary>
public readonly record struct ReviewId(Guid Value) : IComparable<ReviewId>
{
    public static ReviewId New() => new(Guid.CreateVersion7());

    public int CompareTo(ReviewId other) => Value.CompareTo(other.Value);

    public static bool operator <(ReviewId left, ReviewId right) => left.CompareTo(right) < 0;

    public static bool operator <=(ReviewId left, ReviewId right) => left.CompareTo(right) <= 0;

    public static bool operator >(ReviewId left, ReviewId right) => left.CompareTo(right) > 0;

    public static bool operator >=(ReviewId left, ReviewId right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value.ToString();
}
