#!/bin/sh
# Makes the attachment samples of tests/data/media (committed: the tests do
# not need these tools, only exiftool and ffmpeg to check the results).
# Each file is a tiny picture or half a second of a sine tone, carrying
# the metadata a phone or a recorder writes: a GPS position, serial
# numbers, times, an author, comments, the device and the software.
# Needs Debian's ffmpeg, libimage-exiftool-perl, webp, id3v2, flac.
#   cd tests/data/media && sh make.sh
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
img="-f lavfi -i testsrc=size=64x48:rate=1 -frames:v 1"
snd="-f lavfi -i sine=f=440:d=0.5:sample_rate=8000 -ac 1"
meta="-metadata artist=KimJongsu -metadata date=2024-05-01 -metadata comment=SecretComment -metadata title=Interview"

# Pictures: EXIF (GPS, serials, times, author, device), XMP, IPTC, a comment.
ffmpeg -v error -y $img photo.jpg
ffmpeg -v error -y $img photo.png
cwebp -quiet photo.png -o photo.webp
exiftool -q -overwrite_original \
  -GPSLatitude=39.0392 -GPSLatitudeRef=N -GPSLongitude=125.7625 -GPSLongitudeRef=E \
  -GPSAltitude=38 -GPSDateStamp=2024:05:01 -GPSTimeStamp=10:20:30 \
  -Make=Samsung -Model=SM-G991B -SerialNumber=R5CR10ABCDE -LensSerialNumber=LENS98765 \
  "-DateTimeOriginal=2024:05:01 10:20:30" "-CreateDate=2024:05:01 10:20:30" \
  "-ModifyDate=2024:05:01 10:20:31" -OffsetTime=+09:00 \
  "-Artist=Kim Jongsu" "-Copyright=Kim Jongsu 2024" "-OwnerName=Kim Jongsu" \
  "-ImageDescription=Dormitory in Pyongyang" "-UserComment=taken by Kim Jongsu" \
  "-XMP-dc:Creator=Kim Jongsu" -XMP-exif:GPSLatitude=39.0392 -XMP-exif:GPSLongitude=125.7625 \
  -XMP-photoshop:DateCreated=2024:05:01 "-IPTC:By-line=Kim Jongsu" -IPTC:City=Pyongyang \
  "-Comment=comment by Kim Jongsu" photo.jpg photo.png photo.webp
# A JPEG with an APP12 segment and a second picture after its end (as
# phones append), which exiv2 keeps.
cp photo.jpg "$tmp/a.jpg"
exiftool -q -overwrite_original "-Ducky:Copyright=Kim Jongsu" "$tmp/a.jpg"
cat "$tmp/a.jpg" photo.jpg >trailer.jpg

# Sound: ID3v2 and ID3v1; Vorbis comments and a picture; MP4 user data,
# times and a location; WAV INFO and bext.
ffmpeg -v error -y $snd -c:a libmp3lame -b:a 16k $meta memo.mp3
id3v2 -a KimJongsu -y 2024 -c v1comment memo.mp3
ffmpeg -v error -y $snd -c:a flac $meta memo.flac
metaflac --import-picture-from=photo.png memo.flac
ffmpeg -v error -y $snd -c:a libvorbis $meta -metadata location=Pyongyang memo.ogg
ffmpeg -v error -y -f lavfi -i sine=f=440:d=0.5:sample_rate=48000 -ac 1 -c:a libopus \
  -b:a 16k $meta memo.opus
ffmpeg -v error -y $snd -c:a aac -b:a 16k $meta -metadata creation_time=2024-05-01T10:20:30Z memo.m4a
exiftool -q -overwrite_original "-Keys:GPSCoordinates=39.0392 N, 125.7625 E" \
  "-UserData:GPSCoordinates=39.0392 N, 125.7625 E" -ItemList:Author=KimJongsu memo.m4a
ffmpeg -v error -y $snd -c:a pcm_s16le $meta -write_bext 1 -metadata originator=KimJongsu \
  -metadata origination_date=2024-05-01 memo.wav
