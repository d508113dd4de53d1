namespace Search.Core.Model;

/// <summary>
/// One mention of an organisation in an article's text. <see cref="Start"/> and <see cref="End"/> are UTF-16
/// code unit offsets into the field's text, end exclusive.
/// </summary>
public sealed record OrganisationMention(string Organisation, string Text, string Field, int Start, int End);
