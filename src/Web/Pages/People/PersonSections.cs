namespace CaseManager.Web.Pages.People;

/// <summary>The parts of a person's page, each shown on its own under the page's sub-navigation.</summary>
public enum PersonSection
{
    Summary,
    Cases,
    Timeline,
    Offences,
    Asb,
    Education,
    Employment,
    Consent,
    Households,
}

/// <summary>
/// The person page's sub-navigation (MOJ sub-navigation): where each part of the page is and which are offered.
/// Every part is read through the same person gate as the summary, so a reader who opens the summary opens them all;
/// a part is listed only when the reader may open it, so no item leads to a page the reader cannot open.
/// </summary>
public static class PersonSections
{
    private static readonly (PersonSection Section, string Text)[] Items =
    [
        (PersonSection.Summary, "Summary"),
        (PersonSection.Cases, "Cases"),
        (PersonSection.Timeline, "Timeline"),
        (PersonSection.Offences, "Offences"),
        (PersonSection.Asb, "ASB"),
        (PersonSection.Education, "Education"),
        (PersonSection.Employment, "Work and benefits"),
        (PersonSection.Consent, "Consent"),
        (PersonSection.Households, "Households"),
    ];

    /// <summary>The address of one part of the person's page; the summary is the page itself.</summary>
    public static string Href(Guid personId, PersonSection section) => section switch
    {
        PersonSection.Summary => $"/people/{personId}",
        PersonSection.Timeline => $"/people/{personId}/timeline",
        PersonSection.Households => $"/people/{personId}/households",
        _ => $"/people/{personId}?section={Query(section)}",
    };

    /// <summary>The query value for a part shown on the person page (<c>?section=</c>), in lower case.</summary>
    public static string Query(PersonSection section) => section.ToString().ToLowerInvariant();

    /// <summary>The part a <c>?section=</c> value names: none or empty is the summary; anything else not a part is null.</summary>
    public static PersonSection? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return PersonSection.Summary;
        }

        return Enum.TryParse<PersonSection>(value, ignoreCase: true, out var section) && section is not (PersonSection.Timeline or PersonSection.Households) && Enum.IsDefined(section) && !int.TryParse(value, out _)
            ? section
            : null;
    }

    /// <summary>The sub-navigation for the person, with <paramref name="current"/> marked as the page the reader is on.</summary>
    public static PersonNav Nav(Guid personId, PersonSection current, Func<PersonSection, bool>? offered = null) => new(
        [.. Items
            .Where(i => offered?.Invoke(i.Section) ?? true)
            .Select(i => new PersonNavItem(i.Text, Href(personId, i.Section), i.Section == current, Query(i.Section)))]);
}

/// <summary>The person page's sub-navigation as shown.</summary>
public sealed record PersonNav(IReadOnlyList<PersonNavItem> Items);

/// <summary>One item of the person page's sub-navigation.</summary>
public sealed record PersonNavItem(string Text, string Href, bool Current, string TestId);
