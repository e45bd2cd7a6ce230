namespace CaseManager.Domain.People;

/// <summary>
/// A person's id. It compares with <c>&gt;</c> so that jobs can page through people by id in a query (keyset,
/// translated to SQL); it is not <see cref="IComparable{T}"/>, which would change how tests assert on it.
/// </summary>
public readonly record struct PersonId(Guid Value)
{
    public static PersonId New() => new(Guid.CreateVersion7());

    public static bool operator <(PersonId left, PersonId right) => left.Value.CompareTo(right.Value) < 0;

    public static bool operator <=(PersonId left, PersonId right) => left.Value.CompareTo(right.Value) <= 0;

    public static bool operator >(PersonId left, PersonId right) => left.Value.CompareTo(right.Value) > 0;

    public static bool operator >=(PersonId left, PersonId right) => left.Value.CompareTo(right.Value) >= 0;

    public override string ToString() => Value.ToString();
}
