using CaseManager.Domain.Common;

namespace CaseManager.Domain.Agencies;

/// <summary>An organisation in the partnership, and the schemes it takes part in.</summary>
public sealed class Agency : AggregateRoot
{
    private readonly List<AgencyScheme> _schemes = [];

    private Agency()
    {
        Name = string.Empty;
    }

    public AgencyCode Code { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<AgencyScheme> Schemes => _schemes;

    public static Agency Register(AgencyCode code, string name, IEnumerable<Scheme> schemes, DateTimeOffset at)
    {
        var agency = new Agency
        {
            Code = code,
            Name = Guard.Required(name, "agency.name-required", "Enter the agency's name", maxLength: 120),
            CreatedAt = at,
        };
        agency.TakePartIn(schemes);
        return agency;
    }

    public void Rename(string name) =>
        Name = Guard.Required(name, "agency.name-required", "Enter the agency's name", maxLength: 120);

    /// <summary>Replaces the schemes the agency takes part in.</summary>
    public void TakePartIn(IEnumerable<Scheme> schemes)
    {
        _schemes.Clear();
        foreach (var scheme in schemes.Distinct().Order())
        {
            if (!Enum.IsDefined(scheme))
            {
                throw new DomainRuleException("agency.unknown-scheme", $"Unknown scheme {scheme}");
            }

            _schemes.Add(new AgencyScheme(scheme));
        }
    }

    public bool TakesPartIn(Scheme scheme) => _schemes.Exists(s => s.Scheme == scheme);
}

/// <summary>One scheme an agency takes part in (a row of its own so the access rule can join on it in SQL).</summary>
public sealed record AgencyScheme(Scheme Scheme);
