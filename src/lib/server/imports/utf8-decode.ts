import { Transform } from 'node:stream';
import { FileRejected } from './report';

/**
 * Decodes an import file as strict UTF-8 on its way to the CSV parser. Without it, Node's lenient decoding turned
 * invalid bytes into U+FFFD and "Bad \xff\xfe name" was stored as "Bad �� name" (issue 14, finding 6). The WHATWG
 * TextDecoder with `fatal: true` does the checking; this module only keeps count of bytes and lines so the
 * rejection can name where the first bad byte is.
 *
 * `ignoreBOM: true` keeps a UTF-8 byte order mark in the text (as U+FEFF, which csv-parse's `bom` option drops):
 * every decoded character then re-encodes to exactly the bytes it came from, which keeps the byte count exact.
 */
const TAIL_BYTES = 3; // a UTF-8 sequence is at most 4 bytes, so at most 3 can wait in the decoder between chunks

function strictDecoder(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
}

/** Line breaks as the CSV reader counts them: \r\n, \n or a lone \r. */
function countBreaks(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0;
}

function utf16Rejection(): FileRejected {
  return new FileRejected([
    {
      line: 1,
      reason:
        'the file is UTF-16 encoded (it starts with a UTF-16 byte order mark); save it as UTF-8 ' +
        '(in Excel: "CSV UTF-8"), then import it again'
    }
  ]);
}

export function utf8Decode(): Transform {
  const decoder = strictDecoder();
  let decodedBytes = 0; // bytes of input that became text so far
  let breaks = 0; // line breaks in that text
  let endsWithCr = false; // a \r\n split across chunks is one break, not two
  let tail: Uint8Array = new Uint8Array(0); // the last input bytes: the decoder may be holding some of them
  let first = true;
  let bytesIn = 0; // bytes handed to the decoder; those not yet decoded wait in it (the end of `tail`)
  const pendingCount = () => bytesIn - decodedBytes;

  function emitted(text: string): string {
    if (text.length === 0) return text;
    decodedBytes += Buffer.byteLength(text, 'utf8');
    breaks += countBreaks(text) - (endsWithCr && text.startsWith('\n') ? 1 : 0);
    endsWithCr = text.endsWith('\r');
    return text;
  }

  /**
   * Where the first bad byte of `chunk` is: the bytes still pending in the decoder plus the chunk, cut at the
   * longest prefix a fresh decoder accepts (a prefix of a valid stream is valid, so the search is a bisection).
   */
  function rejection(chunk: Uint8Array, atEnd: boolean): FileRejected {
    const pending = tail.subarray(tail.length - pendingCount());
    const data = Buffer.concat([pending, chunk]);
    let good = 0;
    let bad = data.length;
    while (bad - good > 1) {
      const middle = (good + bad) >> 1;
      try {
        strictDecoder().decode(data.subarray(0, middle), { stream: true });
        good = middle;
      } catch {
        bad = middle;
      }
    }
    if (!atEnd || bad < data.length) {
      // `good` bytes may still end in an incomplete sequence; the bad sequence starts where the valid text ends.
      const valid = strictDecoder().decode(data.subarray(0, good), { stream: true });
      const start = Buffer.byteLength(valid, 'utf8');
      const line = breaks + countBreaks(valid) - (endsWithCr && valid.startsWith('\n') ? 1 : 0) + 1;
      const offset = decodedBytes + start;
      const shown = data.subarray(start, Math.min(data.length, start + 4));
      return new FileRejected([
        {
          line,
          reason:
            `the file is not valid UTF-8: line ${line} has an invalid byte sequence at byte ${offset} ` +
            `(counted from 0; bytes ${hex(shown)}); save the file as UTF-8 (in Excel: "CSV UTF-8") and import it again`
        }
      ]);
    }
    const offset = decodedBytes;
    return new FileRejected([
      {
        line: breaks + 1,
        reason:
          `the file is not valid UTF-8: it ends in the middle of a character (byte ${offset}, bytes ${hex(data)}); ` +
          'save the file as UTF-8 and import it again'
      }
    ]);
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (first) {
        first = false;
        if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
          return callback(utf16Rejection());
        }
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        return callback(rejection(chunk, false));
      }
      bytesIn += chunk.length;
      tail = Buffer.concat([tail, chunk.subarray(-TAIL_BYTES)]).subarray(-TAIL_BYTES);
      callback(null, emitted(text));
    },
    flush(callback) {
      let text: string;
      try {
        text = decoder.decode();
      } catch {
        return callback(rejection(new Uint8Array(0), true));
      }
      callback(null, emitted(text));
    }
  });
}
