using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FeatureFlags.Analyzers.Json;

/// <summary>
/// A small JSON reader for appsettings files, because System.Text.Json cannot travel with an analyzer.
/// It accepts what the configuration system's JSON provider accepts: comments and trailing commas too.
/// </summary>
internal sealed class JsonParser
{
    // Deep enough for any settings file; bounded so a hostile file cannot overflow the compiler's stack.
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;

    private JsonParser(string text)
    {
        _text = text;
    }

    /// <summary>Parses one JSON document.</summary>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public static JsonNode Parse(string text)
    {
        var parser = new JsonParser(text);
        parser.SkipTrivia();
        if (parser._position < text.Length && text[parser._position] == '\uFEFF')
        {
            parser._position++;
            parser.SkipTrivia();
        }

        var root = parser.ReadValue(0);
        parser.SkipTrivia();
        if (parser._position < text.Length)
        {
            throw new JsonException("unexpected text after the end of the document", parser._position);
        }

        return root;
    }

    private JsonNode ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonException("nested more than " + MaxDepth + " levels deep", _position);
        }

        if (_position >= _text.Length)
        {
            throw new JsonException("unexpected end of the file", _position);
        }

        var start = _position;
        switch (_text[_position])
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                var value = ReadString();
                return new JsonNode(JsonKind.String, TextSpan.FromBounds(start, _position), value);
            case 't':
                ReadWord("true");
                return new JsonNode(JsonKind.True, TextSpan.FromBounds(start, _position));
            case 'f':
                ReadWord("false");
                return new JsonNode(JsonKind.False, TextSpan.FromBounds(start, _position));
            case 'n':
                ReadWord("null");
                return new JsonNode(JsonKind.Null, TextSpan.FromBounds(start, _position));
            default:
                return ReadNumber();
        }
    }

    private JsonNode ReadObject(int depth)
    {
        var start = _position++;
        var properties = new List<JsonProperty>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == '}')
            {
                _position++;
                return new JsonNode(JsonKind.Object, TextSpan.FromBounds(start, _position), properties: properties);
            }

            if (Peek() != '"')
            {
                throw new JsonException("expected a property name in double quotes or '}'", _position);
            }

            var nameStart = _position;
            var name = ReadString();
            var nameSpan = TextSpan.FromBounds(nameStart, _position);
            SkipTrivia();
            Expect(':');
            SkipTrivia();
            properties.Add(new JsonProperty(name, nameSpan, ReadValue(depth + 1)));
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != '}')
            {
                throw new JsonException("expected ',' or '}'", _position);
            }
        }
    }

    private JsonNode ReadArray(int depth)
    {
        var start = _position++;
        var items = new List<JsonNode>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == ']')
            {
                _position++;
                return new JsonNode(JsonKind.Array, TextSpan.FromBounds(start, _position), items: items);
            }

            items.Add(ReadValue(depth + 1));
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != ']')
            {
                throw new JsonException("expected ',' or ']'", _position);
            }
        }
    }

    private string ReadString()
    {
        var start = _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c == '\\')
            {
                builder.Append(ReadEscape());
            }
            else if (c < ' ')
            {
                throw new JsonException("a control character or line break inside a string", _position - 1);
            }
            else
            {
                builder.Append(c);
            }
        }

        throw new JsonException("a string is not closed", start);
    }

    private char ReadEscape()
    {
        var start = _position - 1;
        var c = _position < _text.Length ? _text[_position++] : '\0';
        switch (c)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_position + 4 <= _text.Length
                    && int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    _position += 4;
                    return (char)code;
                }

                break;
        }

        throw new JsonException("an invalid escape sequence in a string", start);
    }

    private JsonNode ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        var digitsStart = _position;
        var digits = SkipDigits();
        if (digits && _text[digitsStart] == '0' && _position - digitsStart > 1)
        {
            throw new JsonException("a number may not start with 0", start);
        }

        if (Peek() == '.')
        {
            _position++;
            digits = SkipDigits() && digits;
        }

        if (digits && (Peek() == 'e' || Peek() == 'E'))
        {
            _position++;
            if (Peek() == '+' || Peek() == '-')
            {
                _position++;
            }

            digits = SkipDigits();
        }

        if (!digits)
        {
            // A bare word such as ture: name it, as a reader of the file would.
            throw new JsonException("'" + Word(start) + "' is not a JSON value (strings need double quotes)", start);
        }

        return new JsonNode(JsonKind.Number, TextSpan.FromBounds(start, _position), _text.Substring(start, _position - start));
    }

    private bool SkipDigits()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private void ReadWord(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0
            || (_position + word.Length < _text.Length && char.IsLetterOrDigit(_text[_position + word.Length])))
        {
            throw new JsonException("'" + Word(_position) + "' is not a JSON value (strings need double quotes)", _position);
        }

        _position += word.Length;
    }

    private string Word(int start)
    {
        var end = start;
        while (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] == '_' || _text[end] == '.' || _text[end] == '-'))
        {
            end++;
        }

        return end > start ? _text.Substring(start, end - start) : _text.Substring(start, Math.Min(1, _text.Length - start));
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw new JsonException("expected '" + c + "'", _position);
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new JsonException("a comment is not closed", _position);
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }
}
