namespace CaseManager.Domain.People;

/// <summary>A person's id; comparable so that jobs can page through people by id (keyset).</summary>
public readonly record struct PersonId(Guid Value) : IComparable<PersonId>
{
    public static PersonId New() => new(Guid.CreateVersion7());

    public int CompareTo(PersonId other) => Value.CompareTo(other.Value);

    public static bool operator <(PersonId left, PersonId right) => left.CompareTo(right) < 0;

    public static bool operator <=(PersonId left, PersonId right) => left.CompareTo(right) <= 0;

    public static bool operator >(PersonId left, PersonId right) => left.CompareTo(right) > 0;

    public static bool operator >=(PersonId left, PersonId right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value.ToString();
}
