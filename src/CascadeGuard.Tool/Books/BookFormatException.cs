namespace CascadeGuard.Tool.Books;

/// <summary>A malformed book file: names the file, the row (or JSON path) and the field.</summary>
internal sealed class BookFormatException(string file, string location, string field, string problem)
    : Exception($"{file}: {location}, field '{field}': {problem}")
{
    public string Location { get; } = location;

    public string Field { get; } = field;
}
