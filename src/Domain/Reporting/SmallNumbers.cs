namespace CaseManager.Domain.Reporting;

/// <summary>
/// Small-number suppression for published figures (partnership report): a count under the threshold is shown as
/// "fewer than N", and so that no suppressed count can be worked out by differencing, a group of counts that add up to
/// a published total never has exactly one count suppressed: the next smallest is suppressed with it (complementary
/// suppression). A share is published only when its part and the rest of its whole both could be.
/// </summary>
public static class SmallNumbers
{
    public const int DefaultThreshold = 5;

    /// <summary>
    /// Which of a group's parts, and its total, are suppressed. <paramref name="parts"/> add up to the total (a
    /// breakdown: months of a year, categories of a kind).
    /// </summary>
    public static GroupSuppression Group(IReadOnlyList<int> parts, int threshold)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var total = parts.Sum();
        var suppressed = parts.Select(p => p < threshold).ToArray();
        var totalSuppressed = total < threshold;
        if (!totalSuppressed)
        {
            // With the total published, one hidden part is the total less the others: hide the next smallest too.
            while (suppressed.Count(s => s) == 1 && suppressed.Length > 1)
            {
                var next = Enumerable.Range(0, parts.Count).Where(i => !suppressed[i]).MinBy(i => parts[i]);
                suppressed[next] = true;
            }
        }

        return new GroupSuppression(suppressed, totalSuppressed);
    }

    /// <summary>
    /// A share "part of whole": its part and the rest (whole − part) form a group whose total is the whole, so the
    /// share is published only when neither is suppressed.
    /// </summary>
    public static bool ShareSuppressed(int part, int whole, int threshold)
    {
        if (whole <= 0)
        {
            return false;
        }

        var group = Group([part, whole - part], threshold);
        return group.Parts[0] || group.Parts[1] || group.Total;
    }

    /// <summary>
    /// A count published beside a larger count it is part of (families worked with, of those attached): hidden when it
    /// is small, or when the rest (whole − part) is, as the rest would be the one less the other. A rest of none reveals
    /// no one, so a part that is the whole is hidden only when it is small itself.
    /// </summary>
    public static bool PartSuppressed(int part, int whole, int threshold) =>
        part < threshold || (part != whole && whole - part < threshold);
}

/// <summary>Per part, and for the total, whether it is suppressed.</summary>
public sealed record GroupSuppression(IReadOnlyList<bool> Parts, bool Total);
